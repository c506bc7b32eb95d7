using System.Collections.Generic;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Resolution;

/// <summary>Orders a group of libraries so each comes after the libraries of the same group
/// that provide what it requires; ties keep the given order, so the result is predictable.</summary>
public static class DependencyOrder
{
    public static List<ImageMember> Sort(
        string path, IReadOnlyList<ImageMember> group, IReadOnlyList<ImageMember> image, LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        var remaining = new List<ImageMember>(group);
        var placed = new HashSet<string>();
        var result = new List<ImageMember>();
        while (remaining.Count > 0)
        {
            var next = -1;
            for (var i = 0; i < remaining.Count && next < 0; i++)
            {
                if (DependenciesPlaced(remaining[i], group, image, catalog, placed))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                var names = new List<string>();
                foreach (var member in remaining)
                {
                    names.Add(member.Name);
                }

                diagnostics.Add(path, remaining[0].Line, "dependency cycle among: " + string.Join(", ", names));
                result.AddRange(remaining);
                return result;
            }

            placed.Add(remaining[next].Name);
            result.Add(remaining[next]);
            remaining.RemoveAt(next);
        }

        return result;
    }

    private static bool DependenciesPlaced(
        ImageMember member, IReadOnlyList<ImageMember> group, IReadOnlyList<ImageMember> image, LibraryCatalog catalog, HashSet<string> placed)
    {
        foreach (var required in member.Library.Requires)
        {
            foreach (var dependency in DependencyChecker.Satisfiers(image, required.Name, catalog))
            {
                // Only order within the group: core and the platform always come first anyway.
                if (dependency.Name != member.Name && DependencyChecker.Contains(group, dependency.Name) && !placed.Contains(dependency.Name))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
