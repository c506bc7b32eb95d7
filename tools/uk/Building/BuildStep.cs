namespace Unikraft.Cli.Building;

// One step of the image build as the targets announce it ("  uk: ILC    hello core ...").
public sealed record BuildStep(string Name, string Detail, TimeSpan Duration)
{
    // Steps that only run when their inputs changed; none of them running means "up to date".
    public static readonly string[] ImageSteps = ["ILC", "NASM", "ld", "grub"];

    public bool IsImageStep => ImageSteps.Contains(Name);
}
