from newsint.cli import main

main()
