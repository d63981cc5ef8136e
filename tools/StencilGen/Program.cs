// Writes the stencil library for the runtime's layout, assembled by the builders with Iced, to the
// file named by the first argument (Lbbv embeds it; see Lbbv/Jit/PrebuiltStencils.cs).
using Lbbv.Backend.Stencils;
using Lbbv.Jit;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Lbbv.StencilGen OUTPUT");
    return 2;
}
byte[] data = StencilLibrary.For(JitRuntimeLayout.Create()).Serialize();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[0]))!);
File.WriteAllBytes(args[0], data);
return 0;
