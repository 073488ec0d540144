// Push for the inspection page: tells .NET how many images of the asset were scored, gathered for a short
// while so a burst of images costs the page one database read. The push is only a hint: the page re-reads
// the database, and a reconnect counts as "something may have changed" (0 new images, read again).
/* global signalR */

const quietMs = 300;

export async function start(assetId, dotnet) {
  let pending = 0;
  let timer = null;
  const flush = () => {
    timer = null;
    const count = pending;
    pending = 0;
    dotnet.invokeMethodAsync('OnImagesScored', count);
  };
  const scored = count => {
    pending += count;
    timer ??= setTimeout(flush, quietMs);
  };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/monitoring')
    .withAutomaticReconnect()
    .build();
  connection.on('WindowsScored', m => scored(m.windows.length));
  connection.onreconnected(async () => { await connection.invoke('JoinAsset', assetId); scored(0); });
  await connection.start();
  await connection.invoke('JoinAsset', assetId);
  // For the browser tests: from now on a stored image reaches this page.
  document.documentElement.dataset.inspectionFeed = 'joined';

  return {
    stop: async () => {
      if (timer !== null) clearTimeout(timer);
      await connection.stop();
    },
  };
}
