; Per-user Windows installer of the bundle, for Inno Setup 6. It cannot be built on the Linux CI machine: on
; Windows, after building dist\policy-matrix with the spec (see PLATFORMS.md), run from the repository root
;     iscc /DAppVersion=0.1.0 .ci\bundle\policy-matrix.iss
; with the version of ui\version.py. No administrator rights: it installs under %LOCALAPPDATA%\Programs and
; registers .pmx for the current user only (HKCU\Software\Classes).
#ifndef AppVersion
  #error Pass the version of ui\version.py: iscc /DAppVersion=X.Y.Z .ci\bundle\policy-matrix.iss
#endif

[Setup]
AppId={{E6C0F108-5C9A-4D06-AE58-DAD8E821DB51}
AppName=Policy Matrix
AppVersion={#AppVersion}
DefaultDirName={autopf}\Policy Matrix
DefaultGroupName=Policy Matrix
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\PolicyMatrix.exe
OutputDir=..\..\dist
OutputBaseFilename=policy-matrix-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
; PolicyMatrix.exe (the window, no console) and policy-matrix.exe (the command line), with _internal\.
Source: "..\..\dist\policy-matrix\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Policy Matrix"; Filename: "{app}\PolicyMatrix.exe"
Name: "{autodesktop}\Policy Matrix"; Filename: "{app}\PolicyMatrix.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.pmx"; ValueType: string; ValueName: ""; ValueData: "PolicyMatrix.Proposal"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pmx\OpenWithProgids"; ValueType: string; ValueName: "PolicyMatrix.Proposal"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\PolicyMatrix.Proposal"; ValueType: string; ValueName: ""; ValueData: "Policy Matrix"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\PolicyMatrix.Proposal\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\PolicyMatrix.exe,0"
Root: HKA; Subkey: "Software\Classes\PolicyMatrix.Proposal\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\PolicyMatrix.exe"" ""%1"""

[Run]
Filename: "{app}\PolicyMatrix.exe"; Description: "{cm:LaunchProgram,Policy Matrix}"; Flags: nowait postinstall skipifsilent
