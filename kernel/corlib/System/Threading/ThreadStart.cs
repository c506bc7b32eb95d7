namespace System.Threading;

public delegate void ThreadStart();

public delegate void ParameterizedThreadStart(object? obj);
