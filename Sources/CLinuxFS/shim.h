// statfs(2) from glibc, which Foundation's Glibc module does not bring in: the file system a
// data file lives on, for InputFile.localFileSystems (restock's RestockApp/Stages/InputFile).
#include <sys/vfs.h>
