using Uk.Core;

namespace Unikraft.Kernel.Tests;

// ConsoleInput's ring and its flow control: order kept, a full queue refuses instead of
// overwriting, hold-off said once when only the slack is left, resume once at half; and,
// against a model of the 16550 and QEMU's serial (which fills the FIFO only as it empties),
// random interleavings of arrival, interrupts and reads lose and reorder nothing.
public sealed class InputQueueTests
{
    [Fact]
    public void HoldsOffOnceNearTheEndAndResumesOnceAtHalf()
    {
        var queue = new InputQueue(capacity: 8, holdOffSlack: 2);
        var holdOffs = new List<int>();
        for (int i = 1; i <= 8; i++)
        {
            Assert.True(queue.TryEnqueue((byte)i, out bool holdOff));
            if (holdOff)
                holdOffs.Add(i);
        }
        Assert.Equal([6], holdOffs);
        Assert.True(queue.IsFull);
        Assert.False(queue.TryEnqueue(9, out _));

        var resumes = new List<int>();
        for (int i = 1; i <= 8; i++)
        {
            Assert.Equal(i, queue.Dequeue(out bool resume));
            if (resume)
                resumes.Add(queue.Count);
        }
        Assert.Equal([4], resumes);
        Assert.Equal(-1, queue.Dequeue(out _));
        Assert.False(queue.IsHeldOff);
    }

    [Fact]
    public void RandomInterleavingsOfArrivalInterruptsAndReadsLoseNothing()
    {
        var random = new Random(20261207);
        int trialsThatHeldOff = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var uart = new UartModel(new InputQueue(capacity: random.Next(32, 128), holdOffSlack: 20));
            byte[] paste = new byte[random.Next(1, 2000)];
            random.NextBytes(paste);
            int sent = 0;
            var read = new List<byte>();
            while (read.Count < paste.Length)
            {
                // QEMU moves bytes into the FIFO whenever it has room, RTS or not.
                int step = random.Next(10);
                if (step < 4 && sent < paste.Length && uart.Fifo.Count < UartModel.FifoBytes)
                    uart.Fifo.Enqueue(paste[sent++]);
                else if (step < 7)
                    uart.Interrupt();
                else if (uart.Read() is int value && value >= 0)
                    read.Add((byte)value);
                Assert.Equal(!uart.Queue.IsHeldOff, uart.RequestToSend);
                Assert.Equal(!uart.Queue.IsHeldOff, uart.InterruptEnabled);
            }
            Assert.True(paste.AsSpan().SequenceEqual(read.ToArray()), "trial " + trial);
            if (uart.HoldOffs > 0)
                trialsThatHeldOff++;
            Assert.Equal(uart.HoldOffs, uart.Resumes + (uart.Queue.IsHeldOff ? 1 : 0));
        }
        Assert.True(trialsThatHeldOff > 50, "the queue rarely filled, nothing was tested: " + trialsThatHeldOff);
    }

    // Uart16550Input and ConsoleInput as they use the queue: the interrupt drains the FIFO
    // while the queue accepts; hold-off masks the interrupt and lowers RTS; a read that
    // resumes unmasks it and drains what waited; an empty queue reads the FIFO directly.
    private sealed class UartModel(InputQueue queue)
    {
        public const int FifoBytes = 16;

        public InputQueue Queue { get; } = queue;

        public Queue<byte> Fifo { get; } = new();

        public bool InterruptEnabled { get; private set; } = true;

        public bool RequestToSend { get; private set; } = true;

        public int HoldOffs { get; private set; }

        public int Resumes { get; private set; }

        public void Interrupt()
        {
            if (InterruptEnabled)
                Drain();
        }

        public int Read()
        {
            if (Queue.Count == 0)
                return Fifo.Count > 0 ? Fifo.Dequeue() : -1;
            int value = Queue.Dequeue(out bool resume);
            if (resume)
            {
                Resumes++;
                RequestToSend = true;
                InterruptEnabled = true;
                Drain();
            }
            return value;
        }

        private void Drain()
        {
            while (!Queue.IsFull && Fifo.Count > 0)
            {
                Assert.True(Queue.TryEnqueue(Fifo.Dequeue(), out bool holdOff));
                if (holdOff)
                {
                    HoldOffs++;
                    InterruptEnabled = false;
                    RequestToSend = false;
                }
            }
        }
    }
}
