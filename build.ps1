#!/usr/bin/env pwsh
# A thin front over dotnet and the host tools. Runs with the PowerShell pinned as a local
# dotnet tool, so a machine with only the .NET SDK needs: dotnet tool restore; dotnet pwsh ./build.ps1 <command>
#
#   setup                      install the host tools (apt-get) that are missing
#   build [app]                dotnet build apps/<app> (default: hello) -> ELF + ISO
#   run   [app] [--iso|--kernel] [--uefi] [--memory 64M] [--append "args"]
#                              build, then boot in QEMU with the serial console here;
#                              the guest's exit code becomes this command's
#   test                       every test project; ends with "N passed, N failed"
#   bench [boot|sched|blk|gc|bcl|net|web] [opts]
#                              run the named benchmark with opts: boot (boot time beside a
#                              Linux microVM), sched (scheduler cycles beside pthreads), blk,
#                              gc, bcl, net, web (ASP.NET Core beside Kestrel on Linux); none
#                              named: boot and sched, or boot alone with opts
#   clean                      remove build outputs (bin/ and obj/ folders)

[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Position = 0)] [string] $Command = 'help',
    [Parameter(Position = 1, ValueFromRemainingArguments = $true)] [string[]] $Rest = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

# command -> Debian package that provides it
$HostTools = [ordered]@{
    'nasm'               = 'nasm'
    'ld'                 = 'binutils'
    'objcopy'            = 'binutils'
    'qemu-system-x86_64' = 'qemu-system-x86'
    'grub-mkrescue'      = 'grub-common'
    'grub-file'          = 'grub-common'
    'xorriso'            = 'xorriso'
    'mformat'            = 'mtools'
    'qemu-img'           = 'qemu-utils'
    'gdb'                = 'gdb'
    # the network boot tests' clients
    'curl'               = 'curl'
    'wrk'                = 'wrk'
    # the virtio-net checksum boot tests: a tap device in a network namespace of their own
    'ip'                 = 'iproute2'
}
$HostFiles = [ordered]@{
    '/usr/lib/grub/i386-pc/moddep.lst'      = 'grub-pc-bin'
    '/usr/lib/grub/x86_64-efi/moddep.lst'   = 'grub-efi-amd64-bin'
    '/usr/share/OVMF/OVMF_CODE_4M.fd'       = 'ovmf'
    # mkfs.fat and fsck.fat (in /usr/sbin, often not on a user's PATH): the file-system tests
    '/usr/sbin/mkfs.fat'                    = 'dosfstools'
    # the console font fbcons compiles in (its build and boot tests)
    '/usr/share/consolefonts/Lat15-Fixed16.psf.gz' = 'console-setup-linux'
}

function Write-Step([string] $text) { Write-Host "==> $text" -ForegroundColor Cyan }

function Get-MissingPackages {
    $missing = [System.Collections.Generic.List[string]]::new()
    foreach ($tool in $HostTools.Keys) {
        if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { $missing.Add($HostTools[$tool]) }
    }
    foreach ($file in $HostFiles.Keys) {
        if (-not (Test-Path $file)) { $missing.Add($HostFiles[$file]) }
    }
    return @($missing | Select-Object -Unique)
}

function Invoke-Setup([switch] $OnlyIfMissing) {
    $packages = @(Get-MissingPackages)
    if ($packages.Count -eq 0) {
        if (-not $OnlyIfMissing) { Write-Step 'host tools: all present (nasm, binutils, qemu, qemu-img, grub, xorriso, mtools, dosfstools, ovmf, console-setup-linux, gdb, curl, wrk, iproute2)' }
        return
    }
    Write-Step "installing host tools: $($packages -join ' ')"
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Invoke-AsRoot @('apt-get', 'update', '-qq')
    Invoke-AsRoot (@('apt-get', 'install', '-y', '-qq', '--no-install-recommends') + $packages)
    $still = @(Get-MissingPackages)
    if ($still.Count -gt 0) { throw "still missing after install: $($still -join ' ')" }
}

function Invoke-AsRoot([string[]] $commandLine) {
    if ((& id -u) -eq '0') {
        & $commandLine[0] @($commandLine | Select-Object -Skip 1)
    } elseif (Get-Command sudo -ErrorAction SilentlyContinue) {
        & sudo -E @commandLine
    } else {
        throw "Not root and no sudo: run '$($commandLine -join ' ')' as root."
    }
    if ($LASTEXITCODE -ne 0) { throw "'$($commandLine -join ' ')' failed (exit code $LASTEXITCODE)" }
}

function Resolve-AppDirectory([string] $app) {
    if (-not $app) { $app = 'hello' }
    foreach ($candidate in @($app, (Join-Path 'apps' $app), (Join-Path 'tests/apps' $app))) {
        $full = Join-Path $Root $candidate
        if (Test-Path (Join-Path $full 'unikernel.yaml')) { return (Resolve-Path $full).Path }
    }
    $known = (Get-ChildItem (Join-Path $Root 'apps') -Directory | Where-Object { Test-Path (Join-Path $_.FullName 'unikernel.yaml') }).Name -join ', '
    throw "No application '$app' (a folder with unikernel.yaml). Applications: $known"
}

function Invoke-Build([string] $appDirectory, [string] $configuration = 'Debug') {
    Write-Step "building $([System.IO.Path]::GetRelativePath($Root, $appDirectory)) ($configuration)"
    & dotnet build $appDirectory -c $configuration -nologo -v minimal
    if ($LASTEXITCODE -ne 0) { throw "build of $appDirectory failed" }
}

function Invoke-Run([string[]] $arguments) {
    $app = $null; $options = @()
    for ($i = 0; $i -lt $arguments.Count; $i++) {
        switch ($arguments[$i]) {
            { $_ -in '--iso', '--kernel', '--uefi' } { $options += $arguments[$i] }
            { $_ -in '--memory', '--append' } {
                if ($i + 1 -ge $arguments.Count) { throw "run: $($arguments[$i]) needs a value" }
                # name=value: a value that starts with "--" (kernel arguments) stays a value.
                $options += "$($arguments[$i])=$($arguments[++$i])"
            }
            default {
                if ($arguments[$i].StartsWith('--')) { throw "run: unknown option '$($arguments[$i])' (use --iso, --kernel, --uefi, --memory SIZE, --append ARGS)" }
                $app = $arguments[$i]
            }
        }
    }
    if (-not $app) { $app = 'hello' }
    Invoke-Setup -OnlyIfMissing
    # uk builds the app and boots it with the one QEMU command line the tests and the benches
    # use too (tools/Unikraft.Hosting); run from source, it is always this tree's uk.
    Write-Step "uk run $app $($options -join ' ')"
    & dotnet run --project (Join-Path $Root 'tools/uk') -c Release -v q -- run $app @options
    exit $LASTEXITCODE
}

function Invoke-Test {
    Invoke-Setup -OnlyIfMissing
    $results = Join-Path $Root 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $projects = Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj' | Sort-Object FullName
    $passed = 0; $failed = 0; $broken = @(); $failures = @()
    foreach ($project in $projects) {
        Write-Step "testing $($project.BaseName)"
        $trx = "$($project.BaseName).trx"
        & dotnet test $project.FullName -nologo --logger "trx;LogFileName=$trx" --logger 'console;verbosity=normal' --results-directory $results
        $exit = $LASTEXITCODE
        $file = Join-Path $results $trx
        if (-not (Test-Path $file)) { $broken += $project.BaseName; continue }
        [xml] $report = Get-Content $file -Raw
        $counters = $report.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        if ($exit -ne 0 -and ([int] $counters.failed) -eq 0) { $broken += $project.BaseName }
        foreach ($result in $report.TestRun.Results.UnitTestResult | Where-Object { $_.outcome -ne 'Passed' -and $_.outcome -ne 'NotExecuted' }) {
            $failures += "$($result.outcome): $($result.testName)"
            $message = "$($result.Output.ErrorInfo.Message)".Trim()
            if ($message) { $failures += '    ' + (($message -split "`n" | Select-Object -First 3) -join "`n    ") }
        }
    }
    # Repeated at the end so that the tail of the log a CI keeps names what failed.
    foreach ($line in $failures) { Write-Host $line -ForegroundColor Red }
    foreach ($name in $broken) { Write-Host "error: $name did not run to completion" -ForegroundColor Red; $failed++ }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
    exit 0
}

switch ($Command) {
    'setup' { Invoke-Setup }
    'build' { Invoke-Build (Resolve-AppDirectory ($Rest | Select-Object -First 1)) }
    'run'   { Invoke-Run $Rest }
    'test'  { Invoke-Test }
    'bench' {
        Invoke-Setup -OnlyIfMissing
        # A bench named first gets the options; options without a name go to bench/boot.
        $benches = @('boot', 'sched')
        if ($Rest.Count -gt 0 -and $Rest[0] -in @('boot', 'sched', 'blk', 'gc', 'bcl', 'net', 'web')) { $benches = @($Rest[0]); $Rest = @($Rest | Select-Object -Skip 1) }
        elseif ($Rest.Count -gt 0) { $benches = @('boot') }
        $worst = 0
        foreach ($bench in $benches) {
            Write-Step "bench/$bench"
            & dotnet run --project (Join-Path $Root "bench/$bench") -c Release -- @Rest
            if ($LASTEXITCODE -gt $worst) { $worst = $LASTEXITCODE }
        }
        exit $worst
    }
    'clean' {
        Write-Step 'removing bin/ and obj/ folders'
        Get-ChildItem $Root -Recurse -Directory -Include bin, obj -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -notmatch '[\\/]\.git[\\/]' } |
            Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
        if (Test-Path (Join-Path $Root 'TestResults')) { Remove-Item (Join-Path $Root 'TestResults') -Recurse -Force }
    }
    default {
        # The comment at the top of this file, up to its first line of code.
        foreach ($line in @(Get-Content $PSCommandPath | Select-Object -Skip 1)) {
            if ($line -notmatch '^#') { break }
            $line -replace '^# ?', ''
        }
        if ($Command -ne 'help') { Write-Host "unknown command '$Command'"; exit 2 }
    }
}
