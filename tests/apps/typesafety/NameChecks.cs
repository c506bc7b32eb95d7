using System;
using System.Collections.Generic;

namespace TypeSafety;

public static class NameChecks
{
    public static void Run()
    {
        Report.Line("enum ToString", Color.Blue.ToString()!);
        Report.Line("enum interpolated", $"{Color.Green}");
        Report.Line("enum undefined", ((Color)7).ToString()!);
        Report.Line("flags enum", (Access.Read | Access.Write).ToString()!);
        Report.Line("flags enum none", ((Access)0).ToString()!);
        Report.Line("flags enum unnamed bit", ((Access)12).ToString()!);
        Report.Line("enum D", Color.Blue.ToString("D"));
        Report.Line("enum X", Color.Blue.ToString("X"));
        Report.Line("byte enum negative-looking", ((Small)200).ToString()!);
        Report.Line("enum GetType().Name", Hidden.Opaque(Color.Red).GetType().Name);
        Report.Line("typeof(int).Name", typeof(int).Name);
        Report.Line("typeof(int).FullName", typeof(int).FullName!);
        Report.Line("typeof(string).Name", typeof(string).Name);
        Report.Line("typeof(Color).FullName", typeof(Color).FullName!);
        Report.Line("typeof(List<int>).Name", typeof(List<int>).Name);
        Report.Line("typeof(int[]).Name", typeof(int[]).Name);
        Report.Line("typeof(List<int>) ToString", typeof(List<int>).ToString()!);
        Report.Line("typeof(Dictionary<string, int>) ToString", typeof(Dictionary<string, int>).ToString()!);
        Report.Line("list object ToString", Hidden.Opaque(new List<string>()).ToString()!);
        Report.Line("nested type", typeof(Outer.Inner).FullName!);
        Report.Line("nested type Name", typeof(Outer.Inner).Name);
        Report.Line("generic array Name", typeof(List<int>[]).Name);
        Report.Line("boxed int GetType", Hidden.Opaque(5).GetType().FullName!);
        Report.Line("boxed bool GetType", Hidden.Opaque(true).GetType().Name);
        Report.Line("typeof(Holder[]).FullName", typeof(Holder[]).FullName!);
        Report.Line("boxed struct GetType", Hidden.Opaque(3.5).GetType().FullName!);
        Report.Line("object ToString", new Holder().ToString()!);
        Report.Line("struct ToString", new KeyValuePair<int, int>(1, 2).ToString()!);
    }
}
