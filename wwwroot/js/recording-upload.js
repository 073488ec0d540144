// Sends the chosen or dropped files straight from the browser to the streaming upload endpoint
// (multipart), so large recordings never pass through the Blazor circuit, and reports progress.

export function attach(zone, input, dotnet) {
  let lastReported = -1;

  async function send(fileList) {
    // Copied first: the input's FileList empties when the input is reset, which happens right after.
    const files = [...(fileList ?? [])];
    if (files.length === 0) return;
    // Asked for at send time: the page's options (e.g. the missing-value policy) may have changed.
    const url = await dotnet.invokeMethodAsync('UploadUrl');
    const form = new FormData();
    let total = 0;
    for (const file of files) { form.append('files', file, file.name); total += file.size; }

    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.upload.onprogress = e => {
      if (!e.lengthComputable) return;
      const percent = Math.floor(100 * e.loaded / e.total);
      if (percent !== lastReported) { lastReported = percent; dotnet.invokeMethodAsync('OnProgress', percent); }
    };
    request.onload = () => dotnet.invokeMethodAsync('OnCompleted', request.status, request.responseText);
    request.onerror = () => dotnet.invokeMethodAsync('OnCompleted', 0, '');
    lastReported = -1;
    dotnet.invokeMethodAsync('OnStarted', files.map(f => f.name).join(', '), total);
    request.send(form);
  }

  const onChange = () => { send(input.files); input.value = ''; };
  const onDragOver = e => { e.preventDefault(); zone.classList.add('drag-over'); };
  const onDragLeave = () => zone.classList.remove('drag-over');
  const onDrop = e => { e.preventDefault(); zone.classList.remove('drag-over'); send(e.dataTransfer.files); };

  input.addEventListener('change', onChange);
  zone.addEventListener('dragover', onDragOver);
  zone.addEventListener('dragleave', onDragLeave);
  zone.addEventListener('drop', onDrop);
  // Files chosen in the moment between the page becoming interactive and this module loading fired their
  // change event before anyone listened: send them now rather than lose them silently.
  if (input.files?.length) onChange();

  return {
    dispose: () => {
      input.removeEventListener('change', onChange);
      zone.removeEventListener('dragover', onDragOver);
      zone.removeEventListener('dragleave', onDragLeave);
      zone.removeEventListener('drop', onDrop);
    },
  };
}
