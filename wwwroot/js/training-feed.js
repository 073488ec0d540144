// Push for the training page: job progress and loss points of the asset's training jobs, relayed to
// .NET, which keeps the curves. After a reconnect .NET re-reads the stored points (the push is a hint).
/* global signalR */

export async function start(assetId, dotnet) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/monitoring')
    .withAutomaticReconnect()
    .build();
  connection.on('JobProgress', m => dotnet.invokeMethodAsync('OnJobProgress', m));
  connection.on('TrainingLoss', m => dotnet.invokeMethodAsync('OnTrainingLoss', m));
  connection.on('ModelChanged', m => dotnet.invokeMethodAsync('OnModelChanged', m.modelId));
  connection.onreconnected(async () => {
    await connection.invoke('JoinAsset', assetId);
    await dotnet.invokeMethodAsync('OnReconnected');
  });
  await connection.start();
  await connection.invoke('JoinAsset', assetId);
  return { stop: () => connection.stop() };
}
