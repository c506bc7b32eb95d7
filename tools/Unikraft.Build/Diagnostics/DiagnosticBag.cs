using System.Collections.Generic;

namespace Unikraft.Build.Diagnostics;

/// <summary>Collects errors so a run can report all of them instead of stopping at the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Add(string path, int line, string message) => _items.Add(new Diagnostic(path, line, message));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
