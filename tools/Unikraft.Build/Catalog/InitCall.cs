namespace Unikraft.Build.Catalog;

/// <summary>A library's initializer: a static, argument-less method run in its init class.</summary>
public sealed record InitCall(InitClass Class, string Method, int Line);
