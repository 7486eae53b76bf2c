using System.Security.Cryptography;
using System.Text;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Aws.GoogleSync;

/// <summary>
/// The local cloud's stand-in for SSM SecureStrings: one file per user, AES-256-GCM under a key kept in its own file
/// (created on first use, readable by the owner only). The user id is the associated data, so a token file copied to
/// another user's name does not decrypt.
/// </summary>
public sealed class EncryptedFileGoogleTokenStore(string directory, string keyFile) : IGoogleTokenStore
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public async Task PutAsync(string userId, string refreshToken, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        var plaintext = Encoding.UTF8.GetBytes(refreshToken);
        var sealedToken = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedToken.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
            aes.Encrypt(nonce, plaintext, sealedToken.AsSpan(NonceSize + TagSize), sealedToken.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(userId));

        Directory.CreateDirectory(directory);
        // Write then move, so a crash never leaves half a token behind.
        var path = PathFor(userId);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, sealedToken, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<string?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var path = PathFor(userId);
        if (!File.Exists(path))
            return null;

        var sealedToken = await File.ReadAllBytesAsync(path, cancellationToken);
        if (sealedToken.Length < NonceSize + TagSize)
            throw new CryptographicException($"Token file {path} is damaged.");
        var plaintext = new byte[sealedToken.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(await KeyAsync(cancellationToken), TagSize))
            aes.Decrypt(sealedToken.AsSpan(0, NonceSize), sealedToken.AsSpan(NonceSize + TagSize), sealedToken.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(userId));
        return Encoding.UTF8.GetString(plaintext);
    }

    public Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        File.Delete(PathFor(userId));
        return Task.CompletedTask;
    }

    /// <summary>User ids become file names by hash: no path tricks, whatever the id holds.</summary>
    private string PathFor(string userId) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId))) + ".token");

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(keyFile))
        {
            var existing = await File.ReadAllBytesAsync(keyFile, cancellationToken);
            return existing.Length == 32 ? existing : throw new CryptographicException($"Key file {keyFile} does not hold a 256-bit key.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using var stream = new FileStream(keyFile, options);
            await stream.WriteAsync(key, cancellationToken);
            return key;
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another writer created the key first: use theirs, or tokens it encrypts would not decrypt.
            return await File.ReadAllBytesAsync(keyFile, cancellationToken);
        }
    }
}
