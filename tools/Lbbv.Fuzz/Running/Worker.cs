using System.Text;
using Lbbv.Cli;

namespace Lbbv.Fuzz.Running;

/// <summary>The worker process (`Lbbv.Fuzz worker`): reads evaluation requests and runs each
/// program under each configuration, the engines in process, one after another. A run that never
/// ends (a JIT bug can loop forever in machine code, where no .NET thread can be stopped) is
/// ended by the coordinator killing this process; see <see cref="WorkerClient"/>.</summary>
public static class Worker
{
    public static int Serve()
    {
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(Console.Error); // nothing else may write to the protocol stream
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        using var python = new CPythonServer();
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var request = WorkerProtocol.Decode<EvaluateRequest>(line);
            foreach (var config in request.Configs)
            {
                protocol.WriteLine(WorkerProtocol.Encode(new WorkerMessage(request.Id, Started: config)));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var outcome = (config == CPython.Name
                    ? python.Run(request.File, TimeSpan.FromSeconds(request.PythonTimeoutSeconds))
                    : InProcessEngine.Run(EngineConfigurations.All[config], request.File))
                    with { Milliseconds = clock.Elapsed.TotalMilliseconds };
                var message = new WorkerMessage(request.Id, Config: config, Outcome: outcome);
                protocol.WriteLine(WorkerProtocol.Encode(message));
            }
            protocol.WriteLine(WorkerProtocol.Encode(new WorkerMessage(request.Id, Done: true)));
        }
        return 0;
    }
}
