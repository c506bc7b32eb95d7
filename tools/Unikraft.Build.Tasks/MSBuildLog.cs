using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Tasks;

/// <summary>A build step's errors and messages, handed to MSBuild's logger with their file,
/// line, column and code, so the build and editors show them at their place.</summary>
internal sealed class MSBuildLog(TaskLoggingHelper log) : IBuildLog
{
    public void Error(BuildError error) =>
        log.LogError(
            subcategory: null,
            errorCode: error.Code,
            helpKeyword: null,
            file: error.File,
            lineNumber: error.Line,
            columnNumber: error.Column,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: error.Message);

    public void Message(string text) => log.LogMessage(MessageImportance.Low, text);
}
