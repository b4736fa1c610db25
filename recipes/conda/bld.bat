@echo on
setlocal EnableExtensions

go build -trimpath -ldflags "-s -w -X main.version=%PKG_VERSION%" -o "%LIBRARY_BIN%\@BINARY.name@.exe" @BINARY.package@
if errorlevel 1 exit 1

go-licenses save @PACKAGES@ --save_path library_licenses@IGNORES@
if errorlevel 1 exit 1

rem Go writes its module cache read-only; make it writable so the build dir can be cleaned up.
for /f "usebackq delims=" %%d in (`go env GOMODCACHE`) do if exist "%%d" attrib -R "%%d\*" /S /D
