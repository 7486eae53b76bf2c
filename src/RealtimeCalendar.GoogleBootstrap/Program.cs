using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Google.Hosting;

// google-sync and google-push: the same handlers and services as the AOT bootstrap, plus the Google.Apis adapters.
return await FunctionHost.RunAsync(args, loggerFactory => GoogleApiAdapterFactory.Create(loggerFactory, TimeProvider.System));
