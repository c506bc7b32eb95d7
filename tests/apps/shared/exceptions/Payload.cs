using System.Runtime.CompilerServices;

namespace ExceptionTests;

// Objects whose every value follows from one number: a frame or an exception holds one, a
// collection runs, and Intact says whether anything it reaches was freed and reused.
internal sealed class Payload
{
    private readonly int _id;
    private readonly string _text;
    private readonly int[] _numbers;
    private readonly Payload? _inner;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public Payload(int id, bool withInner = true)
    {
        _id = id;
        _text = "payload-" + id.ToString();
        _numbers = new int[16];
        for (int i = 0; i < _numbers.Length; i++)
            _numbers[i] = id * 31 + i;
        _inner = withInner ? new Payload(-id, withInner: false) : null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool Intact(int id, bool withInner = true)
    {
        if (_id != id || _text != "payload-" + id.ToString() || _numbers.Length != 16)
            return false;
        for (int i = 0; i < _numbers.Length; i++)
        {
            if (_numbers[i] != id * 31 + i)
                return false;
        }
        return withInner ? _inner is not null && _inner.Intact(-id, withInner: false) : _inner is null;
    }
}

// An exception carrying a payload only it references: after the catch, its message and
// payload must be the ones thrown.
internal sealed class PayloadException : System.Exception
{
    public PayloadException(int id) : base("thrown with payload " + id.ToString()) => Payload = new Payload(id);

    public Payload Payload { get; }

    public bool Intact(int id) => Message == "thrown with payload " + id.ToString() && Payload.Intact(id);
}
