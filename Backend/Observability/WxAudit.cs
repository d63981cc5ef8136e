namespace Lbbv.Backend.Observability;

/// <summary>Reads <c>/proc/self/maps</c> to check the W^X rule for the whole process.</summary>
public static class WxAudit
{
    /// <summary>Every mapping line whose permissions are both writable and executable.</summary>
    public static IReadOnlyList<string> WritableExecutableMappings() =>
        [.. File.ReadLines("/proc/self/maps").Where(line =>
        {
            var fields = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 2 && fields[1].Length >= 3 && fields[1][1] == 'w' && fields[1][2] == 'x';
        })];
}
