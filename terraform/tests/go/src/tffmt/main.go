// Command tffmt reports (or with -w rewrites) .tf files whose layout differs from hclwrite.Format,
// the canonical HCL formatting that `terraform fmt` applies. Built in GOPATH mode against Debian's
// golang-github-hashicorp-hcl-v2-dev, so it needs no module download.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

func main() {
	write := flag.Bool("w", false, "rewrite files in place")
	flag.Parse()
	unformatted := 0
	for _, path := range flag.Args() {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		formatted := hclwrite.Format(src)
		if bytes.Equal(formatted, src) {
			continue
		}
		unformatted++
		fmt.Println(path)
		if *write {
			if err := os.WriteFile(path, formatted, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
	}
	if unformatted > 0 && !*write {
		os.Exit(1)
	}
}
