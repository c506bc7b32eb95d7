namespace Uk.Alloc.Tlsf;

public static class TlsfOptions
{
    public static int SecondLevel = 32;
}
