namespace Uk.Core;

// What the build put into this image, set by the generated composition code.
public static class ImageInfo
{
    public static string Name = "unikernel";
    public static string Platform = "";
    public static string Libraries = "";

    // The manifest's env map: NAME=value entries separated by NUL ("" for none).
    public static string Environment = "";
}
