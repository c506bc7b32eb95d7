namespace Uk.BlkDev;

public enum BlockOperation
{
    Read,
    Write,
    Flush,
}
