using KukaPortal.Cli;

// kukaportal: headless tools for engineers. Each verb lives in Commands/.
return await KukaCli.RunAsync(args, Console.Out, Console.Error);
