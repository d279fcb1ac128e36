package io
