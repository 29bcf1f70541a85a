from perflint.cli.main import main

main()
