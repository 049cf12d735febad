/* SPDX-License-Identifier: MIT */
/*
 * version.c: the library's version string.
 */
#include "config.h"

#include "liaison.h"

const char *
liaison_version(void)
{
	return PACKAGE_VERSION;
}
