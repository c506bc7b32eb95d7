namespace Uk.Net.Tcp;

// Why a connection ended other than by an orderly close.
public enum TcpError
{
    None,
    // The peer sent RST.
    Reset,
    // The peer answered our SYN with RST: nobody listens there.
    Refused,
    // Retransmissions or keep-alive probes went unanswered.
    TimedOut,
    // This side aborted (Abort, or a listener closed with it unaccepted).
    Aborted,
}
