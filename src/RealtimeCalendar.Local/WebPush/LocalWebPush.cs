using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.WebPush;

namespace RealtimeCalendar.Local.WebPush;

/// <summary>
/// Web Push in the local cloud: a VAPID key pair made once and kept in the data folder
/// (<c>web-push/vapid-private-key</c>, readable by its owner only, like the Google token key), handed to the functions
/// as a file path (in the cloud the same key is an SSM SecureString) and its public key to the browser through
/// <c>config.json</c>. The private key is never logged or printed.
/// </summary>
public static class LocalWebPush
{
    /// <summary>The VAPID <c>sub</c> of a local cloud: the development user's address.</summary>
    public const string Subject = "mailto:developer@realtimecalendar.local";

    public static string PrivateKeyFile(string stateDirectory) => Path.Combine(stateDirectory, "web-push", "vapid-private-key");

    /// <summary>The settings for the key pair in <paramref name="stateDirectory"/>, making the pair on first use.</summary>
    public static async Task<WebPushSettings> EnsureAsync(string stateDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var file = PrivateKeyFile(stateDirectory);
        var keys = File.Exists(file)
            ? VapidKeyPair.FromPrivateKey(await File.ReadAllTextAsync(file, cancellationToken))
            : await CreateAsync(file, logger, cancellationToken);
        return new WebPushSettings { PublicKey = keys.PublicKey, Subject = Subject, PrivateKeyFile = file };
    }

    private static async Task<VapidKeyPair> CreateAsync(string file, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var keys = VapidKeyPair.Generate();
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var stream = new FileStream(file, options))
            await using (var writer = new StreamWriter(stream))
                await writer.WriteAsync(keys.PrivateKey.AsMemory(), cancellationToken);
            logger.LogInformation("Made a VAPID key pair for Web Push in {Folder} (public key {PublicKey})", Path.GetDirectoryName(file), keys.PublicKey);
            return keys;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another writer made it first: theirs is the one browsers will subscribe with.
            return VapidKeyPair.FromPrivateKey(await File.ReadAllTextAsync(file, cancellationToken));
        }
    }
}
