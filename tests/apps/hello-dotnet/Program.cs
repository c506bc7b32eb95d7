using System;

Console.WriteLine("Hello from .NET's own base class library!");
