using System;

namespace Unikraft.Bench.Boot;

/// <summary>A failure the harness reports as a plain message (no stack trace) and exit code 2.</summary>
public sealed class BenchException(string message) : Exception(message);
