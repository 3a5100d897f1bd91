#!/usr/bin/env perl
# Usage: set-yaml-item.pl FILE NAME EDIT...
#
# Edits the YAML list item whose `name:` is NAME (or ends in /NAME, as image names
# do) line by line, so comments, order and quoting of everything else stay as they
# were: a YAML round trip would drop the comments of reviewed manifests.
#
#   KEY=VALUE    set KEY, which must already be in the item
#   KEY?=VALUE   set KEY, adding it at the end of the item if it is not there
#   !KEY         remove KEY if it is there
#
# No such item, or a required KEY missing, is an error and leaves FILE untouched,
# so a renamed entry breaks the release instead of silently changing nothing.
use strict;
use warnings;

my ($file, $name, @edits) = @ARGV;
die "usage: $0 FILE NAME KEY=VALUE|KEY?=VALUE|!KEY...\n" unless defined $name && @edits;

my (@set, @remove);
for (@edits) {
  if (/^!([A-Za-z0-9_-]+)$/) { push @remove, $1; next; }
  /^([A-Za-z0-9_-]+)(\??)=(.*)$/s or die "not KEY=VALUE, KEY?=VALUE or !KEY: $_\n";
  push @set, { key => $1, optional => $2 eq '?', value => $3 };
}

open my $in, '<', $file or die "$file: $!\n";
my @lines = <$in>;
close $in;

my ($start, $indent);
for my $i (0 .. $#lines) {
  next unless $lines[$i] =~ /^(\s*)(-\s+)?name:\s*(["']?)(?:[^"'\s#]*\/)?\Q$name\E\3\s*(#.*)?$/;
  if ($2) {
    ($start, $indent) = ($i, length $1);
    last;
  }
  # `name:` is not the item's first key: walk back over the item's other keys to
  # the line with the dash. A `name:` in a plain mapping (a patch target) has none.
  my $keys = length $1;
  my $j = $i - 1;
  $j-- while $j >= 0 && ($lines[$j] =~ /^\s*(#.*)?$/ || ($lines[$j] =~ /^(\s*)/ && length($1) >= $keys));
  if ($j >= 0 && $lines[$j] =~ /^(\s*)-\s/ && length($1) == $keys - 2) {
    ($start, $indent) = ($j, $keys - 2);
    last;
  }
}
die "$file: no list item named $name\n" unless defined $start;

my $end = $start;
$end++ while $end < $#lines && !($lines[$end + 1] =~ /^(\s*)[^\s#]/ && length($1) <= $indent);
$end-- while $end > $start && $lines[$end] =~ /^\s*(#.*)?$/;

my (%seen, @kept, $dash);
for my $i ($start .. $end) {
  my $line = $lines[$i];
  my $newline = $line =~ s/\n\z// ? "\n" : "";
  if (grep { $line =~ /^\s*(?:-\s+)?\Q$_\E:/ } @remove) {
    # Removing the item's first key hands its dash to the next key.
    $dash = $line =~ /^(\s*-\s+)/ ? $1 : $dash;
    next;
  }
  $dash = undef if defined $dash && $line =~ s/^\s{@{[length $dash]}}(?=\S)/$dash/;
  for my $edit (@set) {
    my ($key, $value) = @$edit{qw(key value)};
    $seen{$key}++
      if $line =~ s/^(\s*(?:-\s+)?\Q$key\E:[ \t]*)(["']?).*?\2([ \t]+#.*)?$/$1 . $2 . $value . $2 . ($3 \/\/ '')/e;
  }
  push @kept, $line . $newline;
}
my @missing = map { $_->{key} } grep { !$seen{$_->{key}} && !$_->{optional} } @set;
die "$file: the $name item has no " . join(', ', @missing) . "\n" if @missing;
$kept[-1] .= "\n" unless $kept[-1] =~ /\n\z/;
push @kept, map { (' ' x ($indent + 2)) . "$_->{key}: $_->{value}\n" } grep { !$seen{$_->{key}} } @set;

splice @lines, $start, $end - $start + 1, @kept;
open my $out, '>', $file or die "$file: $!\n";
print $out @lines;
close $out;
