// The gc module, wired to the VM's own collector (Heap/Gc.cs).
namespace Lbbv.Runtime;

public static class GcModule
{
    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("gc"));
        // gc.collect() runs a full collection now and returns how many objects it freed (CPython
        // returns the number of unreachable objects its cycle collector found; Lbbv's collector
        // traces everything, so every freed object counts).
        m.Function("collect", static (in Args a) =>
        {
            a.Range(0, 1, "collect");
            long before = Gc.ObjectsFreed;
            Gc.Collect();
            return Value.Int(Gc.ObjectsFreed - before);
        });
        m.Function("enable", static (in Args a) =>
        {
            a.NoArguments("gc.enable");
            NativeHeap.AutomaticCollection = true;
            return Value.None;
        });
        m.Function("disable", static (in Args a) =>
        {
            a.NoArguments("gc.disable");
            NativeHeap.AutomaticCollection = false;
            NativeHeap.GcRequested = false;
            return Value.None;
        });
        m.Function("isenabled", static (in Args a) =>
        {
            a.NoArguments("gc.isenabled");
            return Value.Bool(NativeHeap.AutomaticCollection);
        });
        return m.Module;
    }
}
