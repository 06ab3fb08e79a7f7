// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// L02/L03 "HTTP/1.0, HTTP/1.1 and HTTP/2" (course notes L321-454, L2692-2712): a request by hand, a page
// of images over HTTP/1.0, HTTP/1.1 keep-alive with a connection cap and pipelining, head-of-line
// blocking behind a slow resource, chunked streaming and Host routing, checked from the capture.

namespace wirelab {
class LabRegistry;
}

void setupHttpLab(wirelab::LabRegistry &registry);
