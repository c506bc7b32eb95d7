using TypeSafety;

// Each check prints "name: value"; tests/Unikraft.Boot.Tests runs this program on the host
// with `dotnet run` and in the guest, and the two outputs must be identical.
CastChecks.Run();
VarianceChecks.Run();
CollectionChecks.Run();
NumberChecks.Run();
NameChecks.Run();
StaticChecks.Run();
TextChecks.Run();
MemoryChecks.Run();
System.Console.WriteLine("done");
return 0;
