// Tells an alarm page that some alarm changed, on any asset. Joins the hub's all-alarms group (again
// after every reconnect, since group membership does not survive one) and gathers pushes for a short
// while so that a burst of changes costs the page one reload. The push is only a hint: the page
// re-reads the database, and a reconnect counts as "something may have changed".
/* global signalR */

const quietMs = 500;

export async function start(dotnet) {
  let pending = new Set();
  let timer = null;
  const flush = () => {
    timer = null;
    const ids = [...pending];
    pending = new Set();
    dotnet.invokeMethodAsync('OnAlarmsChanged', ids);
  };
  const changed = id => {
    if (id !== undefined) pending.add(id);
    timer ??= setTimeout(flush, quietMs);
  };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/monitoring')
    .withAutomaticReconnect()
    .build();
  connection.on('AlarmChanged', m => changed(m.alarmId));
  connection.onreconnected(async () => { await connection.invoke('JoinAlarms'); changed(); });
  await connection.start();
  await connection.invoke('JoinAlarms');
  // The page read the database before the group was joined: a change in between was pushed to no one.
  changed();
  // For the browser tests (and a curious engineer in dev tools): the feed now hears every alarm change.
  document.documentElement.dataset.alarmFeed = 'joined';

  return {
    stop: async () => {
      if (timer !== null) clearTimeout(timer);
      await connection.stop();
    },
  };
}
