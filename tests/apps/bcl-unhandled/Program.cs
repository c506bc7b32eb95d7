using System;

Console.WriteLine("about to fail");
Fail(3);

static void Fail(int depth)
{
    if (depth == 0)
        throw new InvalidOperationException("nothing catches this");
    Fail(depth - 1);
}
