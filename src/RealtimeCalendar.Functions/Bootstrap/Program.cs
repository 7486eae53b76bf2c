using RealtimeCalendar.Functions.Bootstrap;

// The Native AOT entry point of the container image, for every function but the Google ones (see google-bootstrap).
return await FunctionHost.RunAsync(args, googleAdapters: null);
