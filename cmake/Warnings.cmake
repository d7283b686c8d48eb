# civic_warnings: linked privately by every first-party target.
add_library(civic_warnings INTERFACE)
target_compile_options(civic_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(CIVIC_WARNINGS_AS_ERRORS)
  target_compile_options(civic_warnings INTERFACE -Werror)
endif()
if(CIVIC_SANITIZE)
  target_compile_options(civic_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(civic_warnings INTERFACE -fsanitize=address,undefined)
endif()
