// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets), so the build needs no
// extra tool. Kept to C# that the factory's netstandard references accept.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one symbol-version requirement of ELF shared libraries as weak (VER_FLG_WEAK), so that the
/// dynamic loader accepts a system library that lacks that version instead of refusing to load.
/// TorchSharp 0.107.0's libLibTorchSharp.so needs GLIBCXX_3.4.32 (GCC 13) only for
/// std::ios_base_library_init(), which no relocation uses; Debian 12's libstdc++ stops at 3.4.30.
/// </summary>
public sealed class WeakenElfVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>The library copies to patch (in output or publish folders, never in the package cache).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = new ITaskItem[0];

    /// <summary>The version requirement to weaken, e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string VersionName { get; set; } = "";

    /// <summary>Patch even where the system libstdc++ already has the version (building for an older target).</summary>
    public bool Force { get; set; }

    public override bool Execute()
    {
        if (!Force)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                Log.LogMessage(MessageImportance.Low, "TorchSharp native fix: not Linux, nothing to do.");
                return true;
            }
            var provider = FindSystemProvider();
            if (provider != null)
            {
                Log.LogMessage(MessageImportance.Normal,
                    "TorchSharp native fix: {0} provides {1}; libLibTorchSharp.so loads unpatched.", provider, VersionName);
                return true;
            }
        }

        foreach (var item in Files)
            PatchFile(item.GetMetadata("FullPath"));
        return !Log.HasLoggedErrors;
    }

    private void PatchFile(string path)
    {
        if (!File.Exists(path))
        {
            Log.LogMessage(MessageImportance.Normal, "TorchSharp native fix: {0} is absent, nothing to patch.", path);
            return;
        }

        long flagsOffset;
        string problem;
        var bytes = File.ReadAllBytes(path);
        if (!TryFindVernauxFlags(bytes, VersionName, out flagsOffset, out problem))
        {
            Log.LogMessage(MessageImportance.Normal, "TorchSharp native fix: {0}: {1}; left as is.", path, problem);
            return;
        }

        var flags = BitConverter.ToUInt16(bytes, (int)flagsOffset);
        if ((flags & VerFlgWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharp native fix: {0} already needs {1} weakly.", path, VersionName);
            return;
        }

        // The output copy may be a hard link into the NuGet cache (CreateHardLinksForCopyLocalIfPossible):
        // writing in place would patch the cache for every project. Patch a fresh copy beside it and rename
        // it over the original, so the output gets a new inode and the cache is never touched.
        var temp = path + ".weakening.tmp";
        File.Copy(path, temp, true);
        using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
        {
            var patched = (ushort)(flags | VerFlgWeak);
            stream.Position = flagsOffset;
            stream.WriteByte((byte)(patched & 0xff));
            stream.WriteByte((byte)(patched >> 8));
        }
        // Same size and time as the package file: the incremental copy then leaves the patched file alone.
        File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(path));
        File.Replace(temp, path, null);
        Log.LogMessage(MessageImportance.High, "TorchSharp native fix: {0} now needs {1} weakly (loads on older libstdc++).", path, VersionName);
    }

    /// <summary>
    /// Walks .gnu.version_r (Verneed records, each with a chain of Vernaux records) of a little-endian
    /// ELF64 file and returns the file offset of vna_flags of the Vernaux whose name is <paramref name="version"/>.
    /// </summary>
    internal static bool TryFindVernauxFlags(byte[] elf, string version, out long flagsOffset, out string problem)
    {
        flagsOffset = -1;
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            problem = "not an ELF file";
            return false;
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            problem = "not a little-endian ELF64 file";
            return false;
        }

        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3a);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3c);
        if (sectionTable <= 0 || entrySize < 64 || sectionTable + (long)entrySize * sectionCount > elf.Length)
        {
            problem = "its section header table is missing or truncated";
            return false;
        }

        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + (long)i * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
                continue;

            var start = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            var link = (int)BitConverter.ToUInt32(elf, (int)header + 0x28);
            var needCount = (int)BitConverter.ToUInt32(elf, (int)header + 0x2c);
            if (link >= sectionCount)
            {
                problem = ".gnu.version_r links to no string table";
                return false;
            }
            var strings = (long)BitConverter.ToUInt64(elf, (int)(sectionTable + (long)link * entrySize) + 0x18);

            var need = start;
            for (var n = 0; n < needCount && need + 16 <= elf.Length; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (var a = 0; a < auxCount && aux + 16 <= elf.Length; a++)
                {
                    var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                    if (name == version)
                    {
                        flagsOffset = aux + 4;
                        problem = "";
                        return true;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
            problem = "it does not need " + version;
            return false;
        }
        problem = "it has no .gnu.version_r section";
        return false;
    }

    private static string ReadString(byte[] elf, long offset)
    {
        var end = offset;
        while (end < elf.Length && elf[end] != 0)
            end++;
        return Encoding.ASCII.GetString(elf, (int)offset, (int)(end - offset));
    }

    /// <summary>The libstdc++ the loader would pick (per ldconfig, else the usual paths), if it defines the version.</summary>
    private string FindSystemProvider()
    {
        var candidates = new List<string>(LdconfigLibstdcxx());
        candidates.Add("/usr/lib/x86_64-linux-gnu/libstdc++.so.6");
        candidates.Add("/usr/lib64/libstdc++.so.6");
        candidates.Add("/lib64/libstdc++.so.6");
        candidates.Add("/usr/lib/libstdc++.so.6");

        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
                continue;
            // Only the first library found matters: that is the one the loader uses.
            return Contains(File.ReadAllBytes(candidate), Encoding.ASCII.GetBytes(VersionName + "\0")) ? candidate : null;
        }
        return null;
    }

    private IEnumerable<string> LdconfigLibstdcxx()
    {
        var found = new List<string>();
        foreach (var ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig" })
        {
            try
            {
                var start = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
                using (var process = Process.Start(start))
                {
                    var output = process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                    var arch = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "x86-64" : "";
                    foreach (var line in output.Split('\n'))
                    {
                        var arrow = line.IndexOf("=>", StringComparison.Ordinal);
                        if (line.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) && arrow > 0 && line.Contains(arch))
                            found.Add(line.Substring(arrow + 2).Trim());
                    }
                    return found;
                }
            }
            catch (Exception e)
            {
                Log.LogMessage(MessageImportance.Low, "TorchSharp native fix: {0} -p failed: {1}", ldconfig, e.Message);
            }
        }
        return found;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return true;
        }
        return false;
    }
}
