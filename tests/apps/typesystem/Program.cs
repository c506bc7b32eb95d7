using System;
using TypeSystem;

// Usage (kernel command line): "checks" runs every check and exits 0 when all pass;
// "bad-cast", "bad-store", "bad-index", "null-read", "write-text", "exec-data" and "throw"
// do something invalid that must end in a panic.
string mode = args.Length > 0 ? args[0] : "checks";
switch (mode)
{
    case "bad-cast":
        object text = Checks.Opaque("not a shape");
        IShape shape = (IShape)text;
        Console.WriteLine("unreachable: cast succeeded " + shape.Describe());
        return 0;
    case "bad-store":
        object[] objects = (object[])Checks.Opaque(new string[2]);
        objects[0] = "fine";
        objects[1] = Checks.Opaque(new Square());
        Console.WriteLine("unreachable: store succeeded");
        return 0;
    case "null-read":
        Console.WriteLine("unreachable: " + Faults.ReadThroughNullReference().ToString());
        return 0;
    case "write-text":
        Faults.WriteToKernelCode();
        Console.WriteLine("unreachable: kernel code was written");
        return 0;
    case "exec-data":
        Faults.ExecuteHeapData();
        Console.WriteLine("unreachable: heap data ran as code");
        return 0;
    case "throw":
        Throws.Reject("by request");
        Console.WriteLine("unreachable: the throw returned");
        return 0;
    case "recurse":
        Console.WriteLine("unreachable: " + Faults.Recurse(1).ToString());
        return 0;
    case "divide":
        Console.WriteLine("unreachable: " + Faults.Divide(args.Length, args.Length - 1).ToString());
        return 0;
    case "overflow":
        Console.WriteLine("unreachable: " + Faults.AddChecked(int.MaxValue, args.Length).ToString());
        return 0;
    case "bad-index":
        int[] numbers = (int[])Checks.Opaque(new int[3]);
        int index = numbers.Length + args.Length;
        Console.WriteLine("unreachable: " + numbers[index].ToString());
        return 0;
}

TypeChecks.Casts();
TypeChecks.InterfaceDispatch();
TypeChecks.Generics();
TypeChecks.Boxing();
TypeChecks.Strings();
TypeChecks.Spans();
TypeChecks.Delegates();
StaticChecks.Run();

Console.WriteLine(Checks.Failures == 0 ? "all checks passed" : Checks.Failures.ToString() + " checks failed");
return Checks.Failures == 0 ? 0 : 1;
