namespace GcTests;

// A singly linked list cell carrying a value and a string derived from it.
internal sealed class Node
{
    public Node(int value, Node? next)
    {
        Value = value;
        Text = "node-" + value.ToString();
        Next = next;
    }

    public int Value;
    public string Text;
    public Node? Next;
}

// An element of an array of structs: the string is reachable only through the array.
internal struct Labelled
{
    public int Number;
    public string Label;
    public long Check;
}
