using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// What Lambda's container gives one bootstrap process, and nothing more (<c>--lambda process</c>): the environment
/// cleared down to Lambda's defined runtime variables plus the function's configured ones, no time zone database
/// (<c>TZDIR</c> at an empty folder, <c>TZ=:UTC</c>), the code in a read-only folder that is also the working
/// directory, a private writable <c>/tmp</c> per process, an unprivileged user, and the managed heap capped by the
/// function's configured memory (<see cref="FunctionMemory"/>). Lambda's variables: AWS Lambda Developer Guide,
/// "Defined runtime environment variables". What is imitated rather than reproduced: src/RealtimeCalendar.Local/README.md.
/// </summary>
public sealed partial class LambdaSandbox : IDisposable
{
    /// <summary>Lambda runs function code as an unprivileged user (<c>sbx_user1051</c>, uid 993); so do we when started as root.</summary>
    public const int SandboxUserId = 993;

    /// <summary>
    /// Share of the memory size the managed heap may use: what .NET derives itself (GCHeapHardLimitPercent) from a
    /// container memory limit of that size.
    /// </summary>
    public const double HeapShareOfMemory = 0.75;

    private const UnixFileMode ReadOnlyFile = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode ReadOnlyDirectory = ReadOnlyFile | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly string root;
    private readonly string binaryName;
    private readonly Func<string, IReadOnlyDictionary<string, string>> functionEnvironment;
    private readonly string region;
    private readonly string? setprivPath;
    private int processCount;

    private LambdaSandbox(string root, string binaryName, Func<string, IReadOnlyDictionary<string, string>> functionEnvironment, string region, string? setprivPath)
    {
        this.root = root;
        this.binaryName = binaryName;
        this.functionEnvironment = functionEnvironment;
        this.region = region;
        this.setprivPath = setprivPath;
    }

    /// <summary>Where the binary's read-only copy lives (<c>LAMBDA_RUNTIME_DIR</c>; <c>/var/runtime</c> in the image).</summary>
    public string RuntimeDirectory => Path.Combine(root, "runtime");

    /// <summary>The read-only, empty task root and working directory (<c>LAMBDA_TASK_ROOT</c>; <c>/var/task</c> in the image).</summary>
    public string TaskRoot => Path.Combine(root, "task");

    /// <summary>The empty folder <c>TZDIR</c> points at: Lambda's OS-only images carry no zone database.</summary>
    public string ZoneInfoDirectory => Path.Combine(root, "zoneinfo");

    /// <summary>
    /// True when writes outside <c>/tmp</c> are refused by the kernel: as root the processes run as
    /// <see cref="SandboxUserId"/> (setpriv); otherwise they run as this user, who cannot write the read-only copies.
    /// False only as root without setpriv.
    /// </summary>
    public bool RefusesWrites => !Environment.IsPrivilegedProcess || setprivPath is not null;

    /// <summary>
    /// Copies the folder of <paramref name="binaryPath"/> (a published bootstrap, or a build's) into a fresh sandbox root
    /// and makes it read-only.
    /// </summary>
    /// <param name="functionEnvironment">
    /// Each function's configured environment by name, as the CDK stack sets it (reserved names are refused there and
    /// ignored here).
    /// </param>
    /// <param name="serviceDirectories">
    /// Host folders that stand in for a remote service the functions write to (the Google refresh tokens, which are SSM
    /// parameters in the cloud); they stay writable for the sandbox user.
    /// </param>
    public static LambdaSandbox Create(
        string binaryPath,
        Func<string, IReadOnlyDictionary<string, string>> functionEnvironment,
        string region,
        IEnumerable<string> serviceDirectories,
        ILogger logger)
    {
        var binary = Path.GetFullPath(binaryPath);
        if (!File.Exists(binary))
            throw new LocalToolException($"The bootstrap {binary} does not exist.");

        var root = Path.Combine(Path.GetTempPath(), "rc-lambda-" + Guid.NewGuid().ToString("N")[..12]);
        string? setpriv = null;
        if (Environment.IsPrivilegedProcess)
        {
            setpriv = FindOnPath("setpriv");
            if (setpriv is null)
                logger.LogWarning("Running as root without setpriv (util-linux): the Lambda sandbox cannot drop privileges, so writes outside /tmp are not refused");
        }

        var sandbox = new LambdaSandbox(root, Path.GetFileName(binary), functionEnvironment, region, setpriv);
        Directory.CreateDirectory(root);
        SetMode(root, ReadOnlyDirectory | UnixFileMode.UserWrite);
        CopyReadOnly(Path.GetDirectoryName(binary)!, sandbox.RuntimeDirectory);
        Directory.CreateDirectory(sandbox.TaskRoot);
        SetMode(sandbox.TaskRoot, ReadOnlyDirectory);
        Directory.CreateDirectory(sandbox.ZoneInfoDirectory);
        SetMode(sandbox.ZoneInfoDirectory, ReadOnlyDirectory);
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        foreach (var directory in serviceDirectories)
        {
            Directory.CreateDirectory(directory);
            if (setpriv is not null)
                GiveToSandboxUser(directory, recursive: true);
        }

        return sandbox;
    }

    /// <summary>
    /// The sandbox the local cloud runs <paramref name="binaryPath"/> in: every function gets <paramref name="settings"/>
    /// as variables (what the stack configures), <c>chat</c> also the key (an SSM parameter in the cloud), and the Google
    /// token folder and the VAPID key's folder (SSM parameters in the cloud) stay reachable.
    /// </summary>
    public static async Task<LambdaSandbox> ForLocalCloudAsync(
        string binaryPath, FunctionSettings settings, ISecretSource? chatApiKey, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = settings.ToVariables();
        var key = chatApiKey is null
            ? Environment.GetEnvironmentVariable(FunctionSettings.OpenAiApiKeyVariable)
            : await chatApiKey.GetAsync(cancellationToken);
        var chat = new Dictionary<string, string>(configured, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(key))
            chat[FunctionSettings.OpenAiApiKeyVariable] = key;
        return Create(
            binaryPath,
            name => name == FunctionNames.Chat ? chat : configured,
            settings.Region,
            [
                .. settings.Google?.TokenDirectory is { } tokens ? [tokens] : Array.Empty<string>(),
                .. settings.WebPush?.PrivateKeyFile is { } vapidKey ? [Path.GetDirectoryName(Path.GetFullPath(vapidKey))!] : Array.Empty<string>(),
            ],
            logger);
    }

    /// <summary>
    /// How to start one process of <paramref name="functionName"/> against the Runtime API at <paramref name="runtimeApi"/>,
    /// with a fresh private <c>/tmp</c> (a new execution environment gets an empty one).
    /// </summary>
    public ProcessStartInfo CreateStartInfo(string functionName, string runtimeApi)
    {
        var number = Interlocked.Increment(ref processCount);
        var tmp = Path.Combine(root, "tmp", $"{functionName}-{number.ToString(CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(tmp);
        SetMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (setprivPath is not null)
            GiveToSandboxUser(tmp, recursive: false);

        var binary = Path.Combine(RuntimeDirectory, binaryName);
        var start = new ProcessStartInfo
        {
            WorkingDirectory = TaskRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setprivPath is not null)
        {
            start.FileName = setprivPath;
            foreach (var argument in new[]
            {
                $"--reuid={SandboxUserId}", $"--regid={SandboxUserId}", "--clear-groups", "--no-new-privs", "--inh-caps=-all", "--", binary,
            })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = binary;
        }

        // The image's CMD: the function name is the bootstrap's one argument.
        start.ArgumentList.Add(functionName);
        start.Environment.Clear();
        foreach (var (name, value) in Variables(functionName, runtimeApi, tmp))
            start.Environment[name] = value;
        return start;
    }

    /// <summary>The whole environment of one process: Lambda's variables over the function's configured ones.</summary>
    public IReadOnlyDictionary<string, string> Variables(string functionName, string runtimeApi, string tmp)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in functionEnvironment(functionName))
        {
            if (!ReservedVariables.Contains(name))
                variables[name] = value;
        }

        var memory = FunctionMemory.MegabytesFor(functionName);
        // Reserved: Lambda sets these and refuses a configuration that does. AWS_EXECUTION_ENV and _X_AMZN_TRACE_ID are
        // not defined for OS-only runtimes (the provided family), so they are absent here as there.
        variables["_HANDLER"] = functionName;
        variables["AWS_REGION"] = region;
        variables["AWS_DEFAULT_REGION"] = region;
        variables["AWS_LAMBDA_FUNCTION_NAME"] = functionName;
        variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memory.ToString(CultureInfo.InvariantCulture);
        variables["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        variables["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        variables["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + functionName;
        variables["AWS_LAMBDA_LOG_STREAM_NAME"] =
            $"{TimeProvider.System.GetUtcNow().ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}/[$LATEST]{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        variables["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        variables["LAMBDA_TASK_ROOT"] = TaskRoot;
        variables["LAMBDA_RUNTIME_DIR"] = RuntimeDirectory;
        // The execution role's credentials; locally whatever the host holds (any key works for the stand-ins).
        foreach (var credential in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            if (Environment.GetEnvironmentVariable(credential) is { Length: > 0 } value)
                variables[credential] = value;
        }

        if (variables.TryGetValue("AWS_ACCESS_KEY_ID", out var keyId))
            variables["AWS_ACCESS_KEY"] = keyId;

        // Unreserved, with Lambda's values.
        variables["TZ"] = ":UTC";
        variables["LANG"] = "en_US.UTF-8";
        variables["PATH"] = "/usr/local/bin:/usr/bin/:/bin:/opt/bin";
        variables["LD_LIBRARY_PATH"] = $"/lib64:/usr/lib64:{RuntimeDirectory}:{RuntimeDirectory}/lib:{TaskRoot}:{TaskRoot}/lib:/opt/lib";

        // Imitations (README): the image has no /usr/share/zoneinfo, /tmp is the private folder, and the heap cap stands
        // in for the memory limit of Lambda's environment.
        variables["TZDIR"] = ZoneInfoDirectory;
        variables["TMPDIR"] = tmp;
        variables["DOTNET_GCHeapHardLimit"] = ((long)(memory * 1024L * 1024L * HeapShareOfMemory)).ToString("X", CultureInfo.InvariantCulture);
        // A framework-dependent build (tests run the build output, not the AOT publish) needs the host's .NET, which
        // the image would not have: the only host detail passed on, and only then.
        if (File.Exists(Path.Combine(RuntimeDirectory, Path.ChangeExtension(binaryName, ".runtimeconfig.json"))))
            variables["DOTNET_ROOT"] = DotNetRoot();
        return variables;
    }

    public void Dispose()
    {
        if (!Directory.Exists(root))
            return;
        // The copies are read-only (and the private /tmp folders may belong to the sandbox user): allow deleting first.
        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
            SetMode(directory, ReadOnlyDirectory | UnixFileMode.UserWrite);
        Directory.Delete(root, recursive: true);
    }

    /// <summary>Names Lambda reserves (the stack's FunctionEnvironment refuses them); a function's configuration cannot set them.</summary>
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    private static void CopyReadOnly(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var target = Path.Combine(destination, Path.GetFileName(file));
            File.Copy(file, target);
            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
            SetMode(target, executable ? ReadOnlyDirectory : ReadOnlyFile);
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
            CopyReadOnly(directory, Path.Combine(destination, Path.GetFileName(directory)));
        SetMode(destination, ReadOnlyDirectory);
    }

    // Lambda is Linux; on Windows (no process mode there in practice) modes do not exist.
    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    private static void GiveToSandboxUser(string path, bool recursive)
    {
        if (Chown(path, SandboxUserId, SandboxUserId) != 0)
            throw new IOException($"Could not give {path} to the sandbox user (errno {Marshal.GetLastPInvokeError()}).");
        if (!recursive || !Directory.Exists(path))
            return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories))
        {
            if (Chown(entry, SandboxUserId, SandboxUserId) != 0)
                throw new IOException($"Could not give {entry} to the sandbox user (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    private static string DotNetRoot() =>
        // The shared framework lives at <root>/shared/Microsoft.NETCore.App/<version>/.
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);
}
