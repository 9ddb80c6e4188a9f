// crypt(3) and crypt_gensalt(3) from libxcrypt (Debian: libcrypt-dev).
#include <crypt.h>
