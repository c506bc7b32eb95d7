namespace Unikraft.Kernel.Tests.Unwinding;

// One build and one copy of the image for all the unwinding test classes.
[CollectionDefinition(Name)]
public sealed class LinkedImageCollection : ICollectionFixture<LinkedImage>
{
    public const string Name = "linked image";
}
