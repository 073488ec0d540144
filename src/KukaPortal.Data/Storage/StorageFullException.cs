namespace KukaPortal.Data.Storage;

/// <summary>
/// The blob store's disk (or the storage user's quota) is full. Thrown after the half-written file is deleted, so
/// callers can say "nothing was stored" and answer 507 Insufficient Storage instead of a generic error.
/// </summary>
public sealed class StorageFullException(IOException cause)
    : IOException("The server's disk is full; nothing was stored. Free space on the portal's storage or ask an administrator, then send it again.", cause)
{
    // .NET gives an IOException the raw errno as HResult on Linux and macOS, and 0x8007xxxx with the Win32 error on Windows.
    private const int Enospc = 28, Edquot = 122, MacEdquot = 69;
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027), ErrorDiskFull = unchecked((int)0x80070070);

    public static bool IsDiskFull(IOException e) => e.HResult switch
    {
        Enospc or ErrorHandleDiskFull or ErrorDiskFull => true,
        Edquot => OperatingSystem.IsLinux(),
        MacEdquot => OperatingSystem.IsMacOS(),
        _ => false,
    };
}
