using System;
using System.Runtime.InteropServices;
using Uk.Core;

namespace Uk.Vfs;

// The files the application's project copies to its output directory (wwwroot/,
// appsettings.json, ...), which the build compiles into the image (ImageFiles.g.cs): put into
// / once the fstab is mounted, as `dotnet publish` puts them next to the app, whose base
// directory is /. Each entry is a 2-byte path length, the UTF-8 path, a 4-byte data length
// and the data (little-endian).
internal static unsafe class ImageFiles
{
    internal static void Unpack(VirtualFileSystem vfs)
    {
        nuint length;
        byte* start = uk_image_files(&length);
        if (length == 0)
            return;
        var archive = new ReadOnlySpan<byte>(start, (int)length);
        int files = 0;
        long bytes = 0;
        while (!archive.IsEmpty)
        {
            if (!TryTakeEntry(ref archive, out string path, out ReadOnlySpan<byte> data))
            {
                Log.Error("vfs: the image's file archive is damaged after " + files.ToString() + " file(s); the rest is not unpacked");
                break;
            }
            string target = "/" + path;
            int slash = target.LastIndexOf('/');
            FsError error = slash > 0 ? vfs.CreateDirectories(target.Substring(0, slash)) : FsError.None;
            if (error == FsError.None)
                error = vfs.WriteAllBytes(target, data);
            if (error != FsError.None)
            {
                Log.Error("vfs: cannot put the image's file " + target + " into the file system: " + FsErrors.Describe(error));
                continue;
            }
            files++;
            bytes += data.Length;
        }
        Log.Info("vfs: " + files.ToString() + " file(s) from the image in / (" + bytes.ToString() + " bytes)");
    }

    private static bool TryTakeEntry(ref ReadOnlySpan<byte> archive, out string path, out ReadOnlySpan<byte> data)
    {
        path = "";
        data = default;
        if (archive.Length < 2)
            return false;
        int pathLength = archive[0] | archive[1] << 8;
        if (pathLength == 0 || archive.Length < 2 + pathLength + 4)
            return false;
        path = Utf8Text.Decode(archive.Slice(2, pathLength));
        int at = 2 + pathLength;
        int dataLength = archive[at] | archive[at + 1] << 8 | archive[at + 2] << 16 | archive[at + 3] << 24;
        at += 4;
        if (dataLength < 0 || archive.Length - at < dataLength)
            return false;
        data = archive.Slice(at, dataLength);
        archive = archive.Slice(at + dataLength);
        return true;
    }

    // Defined by the generated ImageFiles.g.cs in every image with vfscore (an empty archive
    // when the project copies no files).
    [DllImport("*"), SuppressGCTransition]
    private static extern byte* uk_image_files(nuint* length);
}
