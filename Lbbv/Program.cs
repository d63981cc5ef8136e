using Lbbv.Backend.Memory;
using Lbbv.Cli;

// Before anything else allocates: the young generation on huge pages (docs/RUNTIME.md, "Start-up").
ManagedHeapPages.BackYoungGenerationWithHugePages();
return LbbvCommandLine.Run(args);
