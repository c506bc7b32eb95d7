namespace Uk.Core;

// Init steps run class by class, in this order, like Unikraft's inittab.
public enum InitClass
{
    Early,
    Plat,
    Lib,
    Sys,
    Late,
}
