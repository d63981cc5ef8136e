namespace Lbbv.Tests;

/// <summary>Locates the repository (the folder holding Lbbv.sln) and the built `lbbv` next to the tests.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Programs => Path.Combine(Root, "tests", "programs");
    public static string Expected => Path.Combine(Programs, "expected");
    public static string BenchPrograms => Path.Combine(Root, "bench", "programs");

    /// <summary>lbbv.dll, copied into the test output folder by the project reference.</summary>
    public static string LbbvDll => Path.Combine(AppContext.BaseDirectory, "lbbv.dll");

    /// <summary>The Native AOT lbbv published beside the tests (Lbbv.Tests.csproj), when clang is installed.</summary>
    public static string NativeLbbv => Path.Combine(AppContext.BaseDirectory, "native", "lbbv");

    /// <summary>Whether this build was asked to publish <see cref="NativeLbbv"/> (property LbbvNativeTests).</summary>
    public static bool NativeRequested { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .OfType<System.Reflection.AssemblyMetadataAttribute>()
        .Any(a => a.Key == "LbbvNativeTests" && a.Value == "true");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lbbv.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Lbbv.sln not found above " + AppContext.BaseDirectory);
    }
}
