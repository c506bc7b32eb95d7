using Spectre.Console.Cli;
using Unikraft.Cli;

return UkApp.Run(args);
